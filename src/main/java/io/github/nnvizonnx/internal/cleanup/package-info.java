/**
 * Not API. Files and child processes removed or stopped when the JVM exits, even on Ctrl-C: temporary outputs,
 * converter and Graphviz processes with their children.
 */
package io.github.nnvizonnx.internal.cleanup;
