package kr.fm.arrears.shared;

/** An action the current state does not allow (an illegal transition, a run for a past date): 409. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
