package io.kpipeline.delivery;

import io.kpipeline.period.ReportKind;
import io.kpipeline.report.RenderedPdf;
import io.kpipeline.report.ReportSettings;
import io.kpipeline.system.KpiException;
import io.kpipeline.system.NeedsNoDatabase;
import io.kpipeline.system.Origins;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves whom each document goes to: the report's recipient list with its roles expanded, or a
 * rep's own address from {@code sales_rep.email}. Every configured address is checked at start-up,
 * so that a typo stops the program (and {@code check-config}) instead of a delivery. The database is
 * reached only for a rep's address.
 */
@Component
@NeedsNoDatabase
class RecipientDirectory implements InitializingBean {

    private final RecipientSettings recipients;
    private final RoleSettings roles;
    private final DeliverySettings settings;
    private final ReportSettings reports;
    private final ObjectProvider<JdbcTemplate> jdbc;
    private final Environment environment;

    RecipientDirectory(RecipientSettings recipients, RoleSettings roles, DeliverySettings settings,
            ReportSettings reports, ObjectProvider<JdbcTemplate> jdbc, Environment environment) {
        this.recipients = recipients;
        this.roles = roles;
        this.settings = settings;
        this.reports = reports;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        for (ReportKind report : ReportKind.values()) {
            List<String> entries = recipients.of(report);
            for (int i = 0; i < entries.size(); i++) {
                String key = "kpi.reports." + report.key() + ".recipients[" + i + "]";
                Recipient.Entry entry = Recipient.Entry.parse(entries.get(i));
                Optional<String> role = entry.role();
                if (role.isPresent()) {
                    if (!roles.roles().containsKey(role.get())) {
                        problems.add(key + " = " + entries.get(i) + " names a role that kpi.roles does not define"
                                + " (defined: " + String.join(", ", roles.roles().keySet()) + ")" + where(key));
                    }
                } else {
                    check(problems, key, entry.target());
                }
            }
        }
        roles.roles().forEach((role, members) -> {
            for (int i = 0; i < members.size(); i++) {
                String key = "kpi.roles." + role + "[" + i + "]";
                check(problems, key, Recipient.Entry.parse(members.get(i)).target());
            }
        });
        check(problems, "kpi.delivery.from", settings.from());
        if (!settings.admin().isBlank()) {
            check(problems, "kpi.delivery.admin", settings.admin());
        }
        if (!problems.isEmpty()) {
            throw KpiException.configuration(String.join("; ", problems)
                    + ". Write each recipient as name@example.com or role:<name>, optionally followed by (de) or (en),"
                    + " and define each role under kpi.roles.");
        }
    }

    private void check(List<String> problems, String key, String address) {
        Recipient.problem(address).ifPresent(p -> problems.add(key + " = " + address + " " + p + where(key)));
    }

    private String where(String key) {
        String origin = Origins.of(environment, key);
        return origin.isEmpty() ? Origins.of(environment, key.replaceAll("\\[\\d+]$", "")) : origin;
    }

    /** Whether the report is mailed at all; {@code kpi.reports.<report>.mail: false} writes its files only. */
    boolean mailed(ReportKind report) {
        return recipients.mailed(report);
    }

    /** The addressees of a rendered PDF, each address once; the first mention decides the language. */
    List<Recipient> of(ReportKind report, RenderedPdf pdf) {
        if (pdf.isPersonal()) {
            String document = "rep:" + pdf.salesRepId();
            List<String> email = jdbc.getObject().queryForList("SELECT email FROM sales_rep WHERE id = ?", String.class,
                    pdf.salesRepId());
            if (email.isEmpty() || email.get(0) == null || email.get(0).isBlank()) {
                throw new KpiException("Sales rep " + pdf.salesRepId() + " has no address in sales_rep.email, so the"
                        + " personal report " + pdf.file() + " cannot be delivered. Add the address to sales_rep.csv,"
                        + " import it and run again.");
            }
            String address = email.get(0).trim();
            Recipient.problem(address).ifPresent(p -> {
                throw new KpiException("sales_rep.email of " + pdf.salesRepId() + " = " + address + " " + p
                        + ". Correct it in sales_rep.csv, import it and run again.");
            });
            return List.of(new Recipient(address, reports.locale(), document));
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String text : recipients.of(report)) {
            Recipient.Entry entry = Recipient.Entry.parse(text);
            String language = entry.language() != null ? entry.language() : reports.locale();
            if (entry.role().isPresent()) {
                for (String member : roles.roles().getOrDefault(entry.role().get(), List.of())) {
                    Recipient.Entry m = Recipient.Entry.parse(member);
                    resolved.putIfAbsent(m.target(), m.language() != null ? m.language() : language);
                }
            } else {
                resolved.putIfAbsent(entry.target(), language);
            }
        }
        return resolved.entrySet().stream()
                .map(e -> new Recipient(e.getKey(), e.getValue(), Recipient.REPORT)).toList();
    }

    /** The language of a message to a recipient without one: kpi.reports.locale. */
    String reportsLanguage() {
        return reports.locale();
    }

    String admin() {
        return settings.admin();
    }
}
