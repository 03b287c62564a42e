package io.kpipeline.generate;

import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.Progress;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Writes a deterministic, plausible data set of a German B2B software vendor into a
 * {@link RowSink}: every table of the canonical model, consistent across tables, the same
 * output for the same settings. It streams day by day and lead by lead; only the dimensions,
 * account ids and the customer list stay in memory.
 */
@Component
@NeedsNoDatabase
public class DemoDataGenerator {

    /**
     * Generates the data set. Progress counts rows; its work unit is days
     * ({@link GeneratorSettings#days()}). The sink is finished, not closed.
     */
    /** Subscriptions running when the window begins, for the reference company of 8.4 leads a day. */
    private static final int INSTALLED_BASE = 307;

    public GenerationReport generate(GeneratorSettings settings, RowSink sink, Progress progress) {
        long started = System.nanoTime();
        Out out = new Out(sink, progress);
        BusinessCalendar calendar = new BusinessCalendar(settings.from(), settings.to());
        double leadsPerDay = settings.leads() / (double) settings.days();
        double scale = Math.max(0.05, leadsPerDay / GeneratorSettings.REFERENCE_LEADS_PER_DAY);
        Rng seed = new Rng(settings.seed());

        Catalog catalog = Catalog.create(calendar, scale);
        catalog.write(out);
        AccountPool accounts = new AccountPool(out, calendar);
        CustomerBase customers = new CustomerBase(out, calendar, catalog, seed.split());
        EmailGenerator emails = new EmailGenerator(out, calendar, catalog, seed.split());
        ActivityGenerator activities = new ActivityGenerator(out, calendar, catalog, emails);
        RevenueGenerator revenue = new RevenueGenerator(out, calendar, customers);
        customers.connect(activities, emails, revenue);
        // the customers a company of this size has won before the window, whatever the window's length
        customers.seedInstalledBase(accounts, (int) Math.max(10, Math.round(INSTALLED_BASE * scale)));
        LeadGenerator leads = new LeadGenerator(out, calendar, catalog, accounts, customers, activities, emails,
                revenue, seed.split(), settings.leads());
        WebGenerator web = new WebGenerator(out, seed.split(), leadsPerDay);
        SpendGenerator spend = new SpendGenerator(out, catalog, seed.split(), scale);

        int dayIndex = 0;
        for (LocalDate d = settings.from(); !d.isAfter(settings.to()); d = d.plusDays(1), dayIndex++) {
            if (d.getDayOfMonth() == 1 || dayIndex == 0) {
                spend.month(d.withDayOfMonth(1));
            }
            LocalDate day = d;
            boolean newsletterDay = emails.newsletters().stream().anyMatch(s -> s.at().toLocalDate().equals(day));
            web.day(d, newsletterDay);
            spend.day(d);
            leads.day(d, dayIndex);
            customers.day(d);
            out.workDone(dayIndex + 1L);
        }
        sink.finish();
        progress.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new GenerationReport(out.rowsPerTable(), out.total(), seconds);
    }
}
