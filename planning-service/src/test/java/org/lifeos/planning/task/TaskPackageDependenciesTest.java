package org.lifeos.planning.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Tasks sit below goals and activities: those features import the task package (its
 * {@link TaskLink} and {@link TaskWritten}), never the other way round, so no package cycle comes
 * back. Read from the sources, as the compiler sees the imports.
 */
class TaskPackageDependenciesTest {

    private static final Path TASKS = Path.of("src/main/java/org/lifeos/planning/task");

    @Test
    void theTaskPackageImportsNeitherGoalsNorActivities() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(TASKS)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty(), "found the task package's sources under " + TASKS.toAbsolutePath());
        List<String> offending = sources.stream().flatMap(TaskPackageDependenciesTest::lines)
                .filter(line -> line.startsWith("import org.lifeos.planning.goal.")
                        || line.startsWith("import org.lifeos.planning.activity."))
                .toList();
        assertEquals(List.of(), offending);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
