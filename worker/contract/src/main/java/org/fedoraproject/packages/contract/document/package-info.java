/**
 * The documents the worker's connectors write ({@code data} of each package × connector envelope in Redis)
 * and the API serves unchanged: one record per document, its parts nested in it. These records are the one
 * source of the documents' shapes: the worker builds them, Jackson writes them (record components in
 * declaration order, nulls written, never omitted), and the API's OpenAPI document generates its schemas
 * from their {@code @Schema} annotations (and from it the SPA's TypeScript types). Change a field here and
 * every consumer follows; docs/connectors.md explains where each value comes from.
 */
package org.fedoraproject.packages.contract.document;
