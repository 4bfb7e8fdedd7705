/**
 * Reading dumps: {@link org.hprofdiff.core.read.HprofFile} opens and recognises a file (plain or gzip),
 * {@link org.hprofdiff.core.read.HprofReader} streams its records to a
 * {@link org.hprofdiff.core.read.HprofVisitor}. Two classes are all a caller needs to read a dump.
 */
package org.hprofdiff.core.read;
