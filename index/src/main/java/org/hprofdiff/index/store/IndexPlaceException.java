package org.hprofdiff.index.store;

import java.io.IOException;

/**
 * The index cannot be written where it was to go: no folder there can be created or written, or the disk, a
 * quota or a file-size limit ran out while writing. A problem of the machine, not of the dump (which was only
 * read): the command line says so apart from read errors. The message is one line naming the place.
 */
public final class IndexPlaceException extends IOException {
    public IndexPlaceException(String message) {
        super(message);
    }

    public IndexPlaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
