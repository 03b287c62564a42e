package io.kpipeline.cli;

import io.kpipeline.kpi.KpiValueRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "recompute", mixinStandardHelpOptions = true,
        description = {"Makes the next run of every report compute all its periods afresh.",
                "A run reuses the stored values of a period while none of the source rows they rest on has",
                "changed; import, profile import, sync and generate record what they change. Rows written into",
                "the source tables by other means (your own ETL into an external database, SQL by hand) are not",
                "seen: run this command after such a load. It keeps every stored value and result until the",
                "next run replaces them."},
        footer = {"", "Exit status: 0 done, 2 usage or configuration error."})
final class RecomputeCommand implements Runnable {

    @ParentCommand
    private RootCommand root;

    @Override
    public void run() {
        try (var context = root.startContext()) {
            int forgotten = context.getBean(KpiValueRepository.class).forgetComputations();
            root.out().printf("%,d stored computations will be computed again at the next run of each report.%n",
                    forgotten);
            root.out().flush();
        }
    }
}
