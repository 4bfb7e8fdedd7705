package org.hprofdiff.testdata.synth;

/** What a heap object is, as the sub-record that describes it says. */
public enum ObjectKind { CLASS, INSTANCE, OBJECT_ARRAY, PRIMITIVE_ARRAY }
