/** See the module's pom for what lives here. */
package org.hprofdiff.index;
