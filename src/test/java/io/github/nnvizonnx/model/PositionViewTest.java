package io.github.nnvizonnx.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A position view holds, in order, exactly the visible elements, as filtering a list would give them. */
class PositionViewTest {
    private static PositionView<String> view(List<String> elements, boolean[] visible) {
        return new PositionView<>() {
            @Override
            int limit() {
                return elements.size();
            }

            @Override
            boolean visible(int position) {
                return visible[position];
            }

            @Override
            String at(int position) {
                return elements.get(position);
            }
        };
    }

    @Test
    void holdsTheVisibleElementsInOrderLikeAFilteredList() {
        Random random = new Random(9);
        for (int round = 0; round < 100; round++) {
            List<String> elements = new ArrayList<>();
            boolean[] visible = new boolean[random.nextInt(12)];
            List<String> expected = new ArrayList<>();
            for (int p = 0; p < visible.length; p++) {
                elements.add("e" + p);
                visible[p] = random.nextBoolean();
                if (visible[p]) {
                    expected.add("e" + p);
                }
            }
            PositionView<String> view = view(elements, visible);
            assertEquals(expected, new ArrayList<>(view));
            assertEquals(expected.size(), view.size());
        }
    }

    @Test
    void itsIteratorEndsAfterTheLastVisibleElement() {
        Iterator<String> it = view(List.of("a", "b"), new boolean[] {true, false}).iterator();
        assertEquals("a", it.next());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }
}
