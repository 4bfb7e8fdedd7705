/** Leak suspects like Eclipse MAT's report: big single dominators with their accumulation points, and big groups by class. */
package org.hprofdiff.index.graph.suspects;
