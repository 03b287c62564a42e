package io.kpipeline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kpipeline.system.KpiException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The PDFs of one document rendered two at a time: in the items' order, and failing as the rendering failed. */
class ReportRendererTests {

    private final ReportRenderer renderer = new ReportRenderer(Locale.GERMAN);

    @Test
    void rendersTwoAtATimeAndReturnsTheResultsInTheItemsOrder() {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two processors");
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> items = IntStream.range(0, 7).boxed().toList();

        List<String> results = renderer.each(items, item -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (item == 0) {
                    // the first item finishes only after the second: they ran at once, and the order still holds
                    return "0 after 1: " + secondDone.await(10, TimeUnit.SECONDS);
                }
                if (item == 1) {
                    secondDone.countDown();
                }
                Thread.sleep(20);
                return Integer.toString(item);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
        });

        assertThat(results).containsExactly("0 after 1: true", "1", "2", "3", "4", "5", "6");
        assertThat(most.get()).isEqualTo(ReportRenderer.RENDER_THREADS);
    }

    @Test
    void aFailingRenderingIsThrownAsItFailed() {
        KpiException failure = new KpiException("The report template reports/X.jasper is not on the classpath");
        assertThatThrownBy(() -> renderer.each(List.of(1, 2, 3), item -> {
            if (item == 2) {
                throw failure;
            }
            return item;
        })).isSameAs(failure);
    }

    @Test
    void aSingleItemIsRenderedOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        assertThat(renderer.each(List.of("de"), language -> Thread.currentThread() == caller)).containsExactly(true);
    }
}
