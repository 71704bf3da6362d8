package org.lifeos.platform.crypto;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.Column;
import jakarta.persistence.Table;

/**
 * The {@link Encrypted} fields of an entity class, found once by reflection: each one's table,
 * column, data class and owner attribute, and where Hibernate's state array holds them.
 */
final class SealedFields {

    private static final Map<Class<?>, Optional<SealedFields>> BY_CLASS = new ConcurrentHashMap<>();

    record SealedField(String property, String column, DataClass dataClass, String ownerProperty, String ownerColumn) {

        boolean isPrivate() {
            return !ownerProperty.isEmpty();
        }
    }

    private final String table;
    private final List<SealedField> fields;

    private SealedFields(String table, List<SealedField> fields) {
        this.table = table;
        this.fields = fields;
    }

    static Optional<SealedFields> of(Class<?> entity) {
        return BY_CLASS.computeIfAbsent(entity, SealedFields::scan);
    }

    String table() {
        return table;
    }

    List<SealedField> fields() {
        return fields;
    }

    /** The place of a field in a row, from Hibernate's state array. */
    Place place(SealedField field, Object id, Object[] state, String[] names) {
        UUID circle = uuid(value("tenantId", state, names), "tenantId");
        UUID owner = field.isPrivate() ? uuid(value(field.ownerProperty(), state, names), field.ownerProperty()) : null;
        return new Place(table, field.column(), uuid(id, "id"), circle, owner, field.dataClass());
    }

    static int index(String property, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(property)) {
                return i;
            }
        }
        return -1;
    }

    private Object value(String property, Object[] state, String[] names) {
        int i = index(property, names);
        if (i < 0) {
            throw new IllegalStateException(table + " has @Encrypted fields but no attribute " + property);
        }
        return state[i];
    }

    private UUID uuid(Object value, String what) {
        if (value instanceof UUID uuid) {
            return uuid;
        }
        throw new IllegalStateException("An @Encrypted field of " + table + " needs a UUID " + what + " to be bound to "
                + "its place, and it is " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private static String columnOf(Field field) {
        Column column = field.getAnnotation(Column.class);
        return column != null && !column.name().isEmpty() ? column.name() : field.getName();
    }

    private static Field declared(Class<?> entity, String property) {
        for (Class<?> type = entity; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(property)) {
                    return field;
                }
            }
        }
        throw new IllegalStateException(entity.getName() + " names privateTo = \"" + property
                + "\" in @Encrypted, but has no such attribute");
    }

    private static Optional<SealedFields> scan(Class<?> entity) {
        List<SealedField> found = new ArrayList<>();
        String table = null;
        for (Class<?> type = entity; type != null && type != Object.class; type = type.getSuperclass()) {
            if (table == null && type.isAnnotationPresent(Table.class) && !type.getAnnotation(Table.class).name().isEmpty()) {
                table = type.getAnnotation(Table.class).name();
            }
            for (Field field : type.getDeclaredFields()) {
                Encrypted encrypted = field.getAnnotation(Encrypted.class);
                if (encrypted == null) {
                    continue;
                }
                if (field.getType() != Sealed.class) {
                    throw new IllegalStateException(entity.getName() + "." + field.getName()
                            + " is @Encrypted but not of type Sealed");
                }
                String owner = encrypted.privateTo();
                found.add(new SealedField(field.getName(), columnOf(field), encrypted.value(), owner,
                        owner.isEmpty() ? "" : columnOf(declared(entity, owner))));
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (table == null) {
            throw new IllegalStateException(entity.getName() + " has @Encrypted fields: name its table with @Table(name = ...)");
        }
        return Optional.of(new SealedFields(table, List.copyOf(found)));
    }
}
