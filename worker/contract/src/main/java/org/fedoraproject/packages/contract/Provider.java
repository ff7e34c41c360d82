package org.fedoraproject.packages.contract;

/**
 * The value of a provides index entry ({@link RedisLayout#catalogProvides}): the binary package that
 * provides the name and the source package it is built from. Stored as {@code "<binary> <source>"}, or
 * just {@code "<binary>"} when the binary is named like its source, so that the API learns both in the
 * same read (no second lookup of the binary's source) and the common case costs no more than the name.
 * Package names hold no space ({@link PackageNames}).
 */
public record Provider(String binary, String source) {

    public String encode() {
        return binary.equals(source) ? binary : binary + " " + source;
    }

    public static Provider decode(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? new Provider(value, value) : new Provider(value.substring(0, space), value.substring(space + 1));
    }
}
