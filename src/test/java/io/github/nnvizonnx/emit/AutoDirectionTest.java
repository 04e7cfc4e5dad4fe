package io.github.nnvizonnx.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The direction chosen from a drawing's shape for where it is shown. */
class AutoDirectionTest {
    @Test
    void aLongChainGoesTopToBottomInTheColumnAndOnAPage() {
        DrawingShape chain = new DrawingShape(40, 2);
        assertEquals(Direction.TB, AutoDirection.choose(chain, Medium.COLUMN));
        assertEquals(Direction.TB, AutoDirection.choose(chain, Medium.PAGE));
    }

    @Test
    void aShortWideGraphStaysLeftToRightOnAScreenAndInTheColumn() {
        DrawingShape wide = new DrawingShape(3, 12);
        assertEquals(Direction.LR, AutoDirection.choose(wide, Medium.SCREEN));
        assertEquals(Direction.LR, AutoDirection.choose(wide, Medium.COLUMN));
    }

    @Test
    void aSmallGraphThatFitsEitherWayFollowsTheMedium() {
        DrawingShape small = new DrawingShape(2, 1);
        assertEquals(Direction.LR, AutoDirection.choose(small, Medium.SCREEN));
        assertEquals(Direction.TB, AutoDirection.choose(small, Medium.PAGE));
    }
}
