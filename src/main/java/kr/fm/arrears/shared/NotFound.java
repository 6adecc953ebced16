package kr.fm.arrears.shared;

/** A thing asked for by id that does not exist (or that the caller may not see): 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
