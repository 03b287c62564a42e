package io.kpipeline.system;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a configuration file as YAML before Spring does, so that a syntax error is one line naming the file,
 * line and column. Spring's own error names neither the file nor the setting and comes with a trace.
 */
final class YamlSyntax {

    private YamlSyntax() {
    }

    /** @throws KpiException (configuration) when {@code file} is not well-formed YAML */
    static void check(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            new Yaml(new LoaderOptions()).composeAll(reader).forEach(document -> { });
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : ", line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw KpiException.configuration(file + where + ": " + problem
                    + ". Correct the file (YAML: indent with spaces, one key: value a line) and run again.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
