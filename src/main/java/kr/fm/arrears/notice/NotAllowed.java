package kr.fm.arrears.notice;

/** The actor's role may not do this to a notice (answered 403 by {@link NoticeController}). */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String message) {
        super(message);
    }
}
