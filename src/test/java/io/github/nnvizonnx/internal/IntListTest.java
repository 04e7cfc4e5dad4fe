package io.github.nnvizonnx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The int list answers like an {@code ArrayList<Integer>} under the same random operations. */
class IntListTest {
    @Test
    void answersLikeArrayListUnderRandomOperations() {
        Random random = new Random(7);
        for (int capacity : new int[] {-1, 0, 1, 3, 100}) {
            IntList ours = capacity < 0 ? new IntList() : new IntList(capacity);
            List<Integer> expected = new ArrayList<>();
            for (int step = 0; step < 5_000; step++) {
                int choice = random.nextInt(10);
                if (choice < 6) {
                    int value = random.nextInt();
                    ours.add(value);
                    expected.add(value);
                } else if (choice < 8 && !expected.isEmpty()) {
                    assertEquals(expected.remove(expected.size() - 1), ours.removeLast());
                } else if (choice == 8 && !expected.isEmpty()) {
                    int index = random.nextInt(expected.size());
                    ours.set(index, -index);
                    expected.set(index, -index);
                } else if (choice == 9 && random.nextBoolean()) {
                    int[] more = random.ints(random.nextInt(40)).toArray();
                    ours.addAll(more);
                    for (int value : more) {
                        expected.add(value);
                    }
                } else if (random.nextInt(50) == 0) {
                    ours.clear();
                    expected.clear();
                }
                assertEquals(expected.size(), ours.size());
                assertEquals(expected.isEmpty(), ours.isEmpty());
                if (!expected.isEmpty()) {
                    assertEquals(expected.get(expected.size() - 1), ours.last());
                }
            }
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), ours.get(i));
            }
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), ours.toArray());
        }
    }

    @Test
    void refusesIndicesOutsideItsSizeEvenWithinItsRoom() {
        IntList list = new IntList(10);
        list.add(1);
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.set(-1, 0));
        list.clear();
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(0));
        assertThrows(IllegalStateException.class, list::removeLast);
    }
}
