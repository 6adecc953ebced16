package kr.fm.arrears.messaging;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;

/** What actually goes out: the rendered SMS text decides SMS or LMS by its size in EUC-KR. */
public enum MessageKind {
    ALIMTALK, SMS, LMS, EMAIL;

    static final int SMS_BYTES = 90;
    static final int LMS_BYTES = 2000;
    private static final Charset EUC_KR = Charset.forName("EUC-KR");

    public static MessageKind forText(String text) {
        int bytes = eucKrBytes(text);
        if (bytes > LMS_BYTES) {
            throw new IllegalArgumentException("text is " + bytes + " bytes in EUC-KR; an LMS takes at most " + LMS_BYTES);
        }
        return bytes <= SMS_BYTES ? SMS : LMS;
    }

    /** Size as the carrier counts it; a character EUC-KR lacks is sent as '?' (one byte). */
    public static int eucKrBytes(String text) {
        CharsetEncoder encoder = EUC_KR.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
                .onMalformedInput(CodingErrorAction.REPLACE);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
            return encoded.remaining();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
