package org.fedoraproject.packages.contract.document;

/** Descriptions several documents share (constants, so that {@code @Schema} annotations can use them). */
final class SchemaText {
    /** {@code branches} of the per-branch documents (dependencies, files, changelog). */
    static final String BRANCHES = "Every branch that has the package, in display order (Rawhide, Fedora newest first, "
            + "EPEL newest first); each one's document is at ?branch=<name>";
    /** {@code branch} of the per-branch documents. */
    static final String BRANCH = "The branch this document is about";
    /** {@code subpackages} of the per-branch documents. */
    static final String KNOWN_SUBPACKAGES = "Sub-packages mdapi knows on the branch (one it does not know is left out)";

    private SchemaText() {
    }
}
