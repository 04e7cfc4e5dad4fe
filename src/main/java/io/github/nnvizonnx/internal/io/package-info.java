/**
 * Not API. Output plumbing: files written atomically, and output streams whose failures name their destination.
 */
package io.github.nnvizonnx.internal.io;
