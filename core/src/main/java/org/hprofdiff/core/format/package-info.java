/**
 * The hprof format as tables: record and sub-record tags, basic types, GC root kinds, the header and
 * the decoded class layout. No I/O here; {@code org.hprofdiff.core.read} reads files with these.
 */
package org.hprofdiff.core.format;
