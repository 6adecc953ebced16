package kr.fm.arrears.messaging;

import kr.fm.arrears.shared.Viewer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The holiday calendar: a newly declared 임시공휴일 is a POST, not a release. */
@RestController
@RequiredArgsConstructor
class HolidaysController {

    record HolidayRequest(@NotNull LocalDate date, @NotBlank String name) {}

    private final Holidays holidays;

    @GetMapping("/api/holidays")
    List<Holidays.Holiday> list(@RequestParam(required = false) Integer year) {
        return holidays.list(year);
    }

    @PostMapping("/api/holidays")
    @ResponseStatus(HttpStatus.CREATED)
    Holidays.Holiday add(Viewer viewer, @Valid @RequestBody HolidayRequest request) {
        return holidays.put(viewer, new Holidays.Holiday(request.date(), request.name().strip()));
    }

    @DeleteMapping("/api/holidays/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Viewer viewer, @PathVariable LocalDate date) {
        holidays.remove(viewer, date);
    }
}
