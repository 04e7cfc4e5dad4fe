/**
 * The command line tool (picocli): parses options, calls {@link io.github.nnvizonnx.api.Nnviz} and prints. Not API:
 * only {@link io.github.nnvizonnx.cli.Main} is public, as the jar's entry point. The only package that uses picocli.
 */
package io.github.nnvizonnx.cli;
