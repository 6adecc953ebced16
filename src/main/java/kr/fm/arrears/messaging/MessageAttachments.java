package kr.fm.arrears.messaging;

import java.util.Optional;

/**
 * Where the mail gateway finds a message's attached document at send time: the module that stores
 * it implements this (the monthly report's PDF), so the outbox keeps a reference, not the bytes.
 */
public interface MessageAttachments {

    record File(String fileName, String contentType, byte[] bytes) {}

    /** The document a reference names, or empty when this module does not know it. */
    Optional<File> fetch(String ref);
}
