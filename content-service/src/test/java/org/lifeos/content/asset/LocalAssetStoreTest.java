package org.lifeos.content.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeos.platform.error.ProblemException;

/**
 * The directory store: files land at {@code <root>/<circle>/<asset>} only once complete and of the
 * declared length, keys that are not two UUIDs never become paths, and a circle's folder goes whole.
 */
class LocalAssetStoreTest {

    @TempDir
    Path root;

    private final UUID circle = UUID.randomUUID();
    private final UUID id = UUID.randomUUID();

    @Test
    void aCompleteUploadIsStoredUnderTheCircleWithItsSha256() throws IOException {
        LocalAssetStore store = new LocalAssetStore(root, 1000);
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);

        AssetStore.StoredObject stored = store.write(AssetStore.key(circle, id), new ByteArrayInputStream(bytes), 5);

        Path file = root.resolve(circle.toString()).resolve(id.toString());
        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertEquals(5, stored.size());
        assertEquals(Optional.of("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"), stored.sha256());
        assertEquals(Optional.of(stored), store.stat(AssetStore.key(circle, id)));
        assertEquals(List.of(file), files(), "no temporary file is left");
    }

    @Test
    void aBodyLongerOrShorterThanDeclaredStoresNothing() throws IOException {
        LocalAssetStore store = new LocalAssetStore(root, 1000);
        String key = AssetStore.key(circle, id);
        ProblemException longer = assertThrows(ProblemException.class,
                () -> store.write(key, new ByteArrayInputStream(new byte[6]), 5));
        assertEquals("body", longer.errors().get(0).field());
        ProblemException shorter = assertThrows(ProblemException.class,
                () -> store.write(key, new ByteArrayInputStream(new byte[4]), 5));
        assertTrue(shorter.getMessage().contains("has 4 bytes"), shorter.getMessage());
        assertEquals(Optional.empty(), store.stat(key));
        assertEquals(List.of(), files(), "nothing, not even a partial file");
    }

    @Test
    void aKeyThatIsNotTwoUuidsNeverBecomesAPath() {
        LocalAssetStore store = new LocalAssetStore(root, 1000);
        for (String key : List.of("../" + id, circle + "/../" + id, circle + "/" + id + "/x", "/etc/passwd",
                circle + "/" + id.toString().toUpperCase(), circle.toString())) {
            assertThrows(IllegalArgumentException.class, () -> store.path(key), key);
        }
        assertTrue(store.path(AssetStore.key(circle, id)).startsWith(root));
    }

    @Test
    void aCirclesFilesGoWholeAndAnotherCirclesStay() throws IOException {
        LocalAssetStore store = new LocalAssetStore(root, 1000);
        UUID other = UUID.randomUUID();
        store.write(AssetStore.key(circle, id), new ByteArrayInputStream(new byte[3]), 3);
        store.write(AssetStore.key(circle, UUID.randomUUID()), new ByteArrayInputStream(new byte[2]), 2);
        store.write(AssetStore.key(other, UUID.randomUUID()), new ByteArrayInputStream(new byte[1]), 1);

        assertEquals(2, store.deleteCircle(circle));
        assertFalse(Files.exists(root.resolve(circle.toString())));
        assertEquals(1, files().size());
        assertEquals(0, store.deleteCircle(circle), "again: nothing left");
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
