package kr.fm.arrears.notice.internal;

import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kr.fm.arrears.shared.TryLater;
import kr.fm.arrears.notice.NoticeProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * XHTML → PDF through Flying Saucer / OpenPDF, with NanumGothic (OFL, shipped in the jar) embedded
 * as a subset. The fonts are built from the resource's bytes, never from the machine's fonts or
 * a file path, so every machine renders the same letters and the packaged jar works too.
 *
 * <p>At most {@code arrears.notice.render.concurrency} (2) renders run at once, each with a
 * {@link Slot}: its own copy of the fonts, since OpenPDF reads a font's glyphs through one shared,
 * non-thread-safe reader. A render that finds no slot free within
 * {@code arrears.notice.render.queue-timeout} is refused ({@link TryLater}, 503) instead of making every
 * caller behind it wait.
 */
@Component
public class PdfRenderer {

    public static final String FAMILY = "NanumGothic";
    private static final List<String> FONTS = List.of("NanumGothic_400Regular.ttf", "NanumGothic_700Bold.ttf");

    private final BlockingQueue<Slot> slots;
    private final Duration queueTimeout;
    private final AtomicLong rendered = new AtomicLong();

    @Autowired
    PdfRenderer(NoticeProperties properties) {
        this(properties.render().concurrency(), properties.render().queueTimeout());
    }

    public PdfRenderer(int concurrency, Duration queueTimeout) {
        this.queueTimeout = queueTimeout;
        this.slots = new ArrayBlockingQueue<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            slots.add(new Slot(FONTS.stream().map(PdfRenderer::load).toList()));
        }
    }

    /** One render at a time per slot; back in the pool on close. */
    public final class Slot implements AutoCloseable {
        private final List<BaseFont> fonts;

        private Slot(List<BaseFont> fonts) {
            this.fonts = fonts;
        }

        byte[] render(String xhtml) {
            ITextRenderer renderer = new ITextRenderer();
            for (int i = 0; i < fonts.size(); i++) {
                renderer.getFontResolver().addFont(fonts.get(i), "fonts/" + FONTS.get(i), FAMILY);
            }
            renderer.setDocumentFromString(xhtml);
            renderer.layout();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            renderer.createPDF(out);
            rendered.incrementAndGet();
            return out.toByteArray();
        }

        @Override
        public void close() {
            slots.add(this);
        }
    }

    /** A free slot, waiting at most the queue timeout; {@link TryLater} when none comes free. */
    public Slot acquire() {
        try {
            Slot slot = slots.poll(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw TryLater.busy("PDF 생성 대기열이 가득 찼습니다", queueTimeout);
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TryLater.busy("PDF 생성을 기다리다 중단되었습니다", queueTimeout);
        }
    }

    public byte[] render(String xhtml) {
        try (Slot slot = acquire()) {
            return slot.render(xhtml);
        }
    }

    /** PDFs rendered since start (what the preview cache saves shows here). */
    public long rendered() {
        return rendered.get();
    }

    private static BaseFont load(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the classpath");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
