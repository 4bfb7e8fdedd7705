package org.hprofdiff.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the current phase stands in the whole run: the phases announced ahead (an index build announces its six, a
 * command the computations it will need), in order, and which one is running. A phase that begins unannounced
 * takes the next place. The label numbers a phase only when phases were announced and more than one is known:
 * {@code [4/7] dominator tree}; phases nobody announced (reading one dump after another) are not numbered.
 */
public final class PhasePlan {
    private final List<String> phases = new ArrayList<>();
    private int current = -1;
    private boolean announced;

    /** Phases that will run after everything known so far (what a command will compute once its index is there). */
    public synchronized void expect(List<String> names) {
        phases.addAll(names);
        announced |= !names.isEmpty();
    }

    /** Phases that run next, before the ones expected later (an index build announcing itself). */
    public synchronized void next(List<String> names) {
        phases.addAll(current + 1, names);
        announced |= !names.isEmpty();
    }

    /** A phase begins: its label, numbered when the plan knows more than one phase. */
    public synchronized String start(String name) {
        int at = phases.subList(current + 1, phases.size()).indexOf(name);
        if (at >= 0) {
            current += 1 + at;
        } else {
            phases.add(current + 1, name);
            current++;
        }
        return announced && phases.size() > 1 ? "[" + (current + 1) + "/" + phases.size() + "] " + name : name;
    }

    /** Forgets everything (the next dump of a series has its own phases). */
    public synchronized void clear() {
        phases.clear();
        current = -1;
        announced = false;
    }
}
