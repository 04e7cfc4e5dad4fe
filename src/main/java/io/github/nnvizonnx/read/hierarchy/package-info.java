/**
 * How exporters write the module hierarchy into node names or metadata: one
 * {@link io.github.nnvizonnx.read.hierarchy.HierarchyConvention} per exporter, found with
 * {@link java.util.ServiceLoader} so that a plug-in can add one, and
 * {@link io.github.nnvizonnx.read.hierarchy.Conventions} to pick one by name or detect it.
 */
package io.github.nnvizonnx.read.hierarchy;
