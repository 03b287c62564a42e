package io.kpipeline.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into the command's own arguments and configuration properties. Any option
 * whose name contains a dot ({@code --kpi.home=/data}, {@code --spring.datasource.url=…}) is a
 * setting for the application, as in {@code config/application.yml}; the value may follow after
 * {@code =} or as the next argument.
 */
record SpringArguments(List<String> command, List<String> properties) {

    static SpringArguments split(String[] args) {
        List<String> command = new ArrayList<>();
        List<String> properties = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (isProperty(arg)) {
                if (!arg.contains("=") && i + 1 < args.length && !args[i + 1].startsWith("-")) {
                    arg = arg + "=" + args[++i];
                }
                properties.add(arg);
            } else {
                command.add(arg);
            }
        }
        return new SpringArguments(List.copyOf(command), List.copyOf(properties));
    }

    private static boolean isProperty(String arg) {
        if (!arg.startsWith("--") || arg.length() < 3) {
            return false;
        }
        int end = arg.indexOf('=');
        String name = end < 0 ? arg.substring(2) : arg.substring(2, end);
        return name.contains(".");
    }
}
