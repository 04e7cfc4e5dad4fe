package io.github.nnvizonnx.read.hierarchy;

import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.named;
import static io.github.nnvizonnx.read.hierarchy.ConventionTesting.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Flat names (paddle2onnx, older torch, unnamed nodes) and calls of local functions as plain operations. */
class FlatConventionTest {
    @Test
    void everyNodeSitsAtTheRootWithItsWholeNameAsShortName() {
        FlatConvention convention = new FlatConvention();
        List<ScopeAssignment> a = convention.assign(named("p2o.Conv.0", "Conv_12", "", "/layer1/Conv", "a/b"));
        assertEquals(List.of("", "", "", "", ""), paths(a), "no hierarchy is invented, even from slashes");
        assertEquals("p2o.Conv.0", a.get(0).shortName());
        assertEquals("/layer1/Conv", a.get(3).shortName());
        assertFalse(convention.callsAreModules());
    }

    @Test
    void theFunctionsReadingPlacesNamesFlatButExpandsCalls() {
        LocalFunctionConvention convention = new LocalFunctionConvention();
        assertEquals(List.of("", ""), paths(convention.assign(named("Conv_0", "/layer1/Relu"))));
        assertTrue(convention.callsAreModules());
        assertEquals("functions", convention.name());
        assertEquals("functions", Conventions.byName("functions").name());
        assertEquals("flat", Conventions.byName("flat").name());
    }
}
