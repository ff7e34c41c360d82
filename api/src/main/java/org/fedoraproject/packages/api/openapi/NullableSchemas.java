package org.fedoraproject.packages.api.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Says "or null" where the generated schemas cannot (run once, at build time, so the stored document
 * {@code target/openapi/openapi.json} and the served one are the same):
 * <ul>
 * <li>a nullable field with an enumeration ({@code "type": ["string", "null"], "enum": [...]}) gets {@code null}
 * in its enumeration too, or null would not validate;</li>
 * <li>a nullable reference ({@code anyOf: [{$ref}, {type: null}]}) loses the {@code type} SmallRye adds next to
 * the {@code anyOf} ("object", which null does not match);</li>
 * <li>a field marked {@value #NULLABLE} whose schema is a {@code oneOf} (the envelope's {@code data}) gets a
 * {@code {type: null}} alternative; {@code @Schema(nullable = true)} is ignored there.</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableSchemas implements OASFilter {
    /** Extension name marking a nullable {@code oneOf} (removed from the document). */
    public static final String NULLABLE = "x-fp-nullable";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        openAPI.getComponents().getSchemas().values().forEach(s -> visit(s, seen));
    }

    private static void visit(Schema schema, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        Map<String, Object> extensions = schema.getExtensions();
        if (extensions != null && extensions.containsKey(NULLABLE)) {
            schema.removeExtension(NULLABLE);
            if (schema.getOneOf() != null && !hasNullAlternative(schema.getOneOf())) {
                schema.addOneOf(OASFactory.createSchema().addType(SchemaType.NULL));
            }
        }
        List<SchemaType> types = schema.getType();
        if (types != null && types.contains(SchemaType.NULL) && schema.getEnumeration() != null
                && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        if (types != null && (hasNullAlternative(schema.getAnyOf()) || hasNullAlternative(schema.getOneOf()))) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> visit(s, seen));
        }
        visit(schema.getItems(), seen);
        visit(schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> list : List.of(nonNull(schema.getAnyOf()), nonNull(schema.getOneOf()), nonNull(schema.getAllOf()))) {
            list.forEach(s -> visit(s, seen));
        }
    }

    private static boolean hasNullAlternative(List<Schema> alternatives) {
        return alternatives != null && alternatives.stream()
                .anyMatch(s -> s.getRef() == null && List.of(SchemaType.NULL).equals(s.getType()));
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
