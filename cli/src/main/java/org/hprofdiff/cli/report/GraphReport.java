package org.hprofdiff.cli.report;


/**
 * The reports of the commands that work on a dump's index and object graph ({@code index}, {@code dominators},
 * {@code paths}, {@code suspects}). One permitted branch of {@link Report}, so the renderers of the other
 * reports each need one case for all of them.
 */
public sealed interface GraphReport extends Report permits IndexReport, DominatorsReport, PathsReport, SuspectsReport {}
