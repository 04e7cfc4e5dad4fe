package io.github.nnvizonnx.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nnvizonnx.proto.Onnx.FunctionProto;
import io.github.nnvizonnx.proto.Onnx.NodeProto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which node calls which local function, and which calls are not expanded. */
class LocalFunctionsTest {
    private static final FunctionProto BLOCK = FunctionProto.newBuilder().setDomain("torchvision.models.resnet")
            .setName("BasicBlock").build();
    private static final FunctionProto BLOCK_OVERLOAD = BLOCK.toBuilder().setOverload("v2").build();

    @Test
    void callsAreFoundByDomainNameAndOverload() {
        LocalFunctions functions = new LocalFunctions(List.of(BLOCK, BLOCK_OVERLOAD));
        assertSame(BLOCK, functions.calledBy("torchvision.models.resnet", "BasicBlock", "", 0));
        assertSame(BLOCK_OVERLOAD, functions.calledBy("torchvision.models.resnet", "BasicBlock", "v2", 0));
        assertNull(functions.calledBy("", "BasicBlock", "", 0), "another domain is another operator");
        assertNull(functions.calledBy("torchvision.models.resnet", "BasicBlock", "", LocalFunctions.MAX_CALL_DEPTH));

        NodeProto call = NodeProto.newBuilder().setDomain("torchvision.models.resnet").setOpType("BasicBlock").build();
        NodeProto relu = NodeProto.newBuilder().setOpType("Relu").build();
        assertTrue(LocalFunctions.anyCalled(List.of(relu, call), List.of(BLOCK)));
        assertFalse(LocalFunctions.anyCalled(List.of(relu), List.of(BLOCK)));
        assertFalse(LocalFunctions.anyCalled(List.of(call), List.of()));
    }

    @Test
    void aFunctionBeingExpandedIsNotExpandedAgainInsideItself() {
        LocalFunctions functions = new LocalFunctions(List.of(BLOCK));
        functions.enter(BLOCK);
        assertNull(functions.calledBy("torchvision.models.resnet", "BasicBlock", "", 1));
        functions.leave();
        assertSame(BLOCK, functions.calledBy("torchvision.models.resnet", "BasicBlock", "", 0));
    }

    @Test
    void numberedVariantsOfAClassShareItsName() {
        assertEquals("BasicBlock", LocalFunctions.classBaseName("BasicBlock.1"));
        assertEquals("BasicBlock", LocalFunctions.classBaseName("BasicBlock"));
        assertEquals("Block.v2", LocalFunctions.classBaseName("Block.v2"));
        assertEquals("Block.", LocalFunctions.classBaseName("Block."));
        assertEquals(".7", LocalFunctions.classBaseName(".7"));
    }
}
