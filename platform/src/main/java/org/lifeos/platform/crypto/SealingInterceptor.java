package org.lifeos.platform.crypto;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;

/**
 * Seals new {@link Sealed} values of {@link Encrypted} fields just before Hibernate writes a row
 * (insert or update), and tells loaded ones where they live so that they can open. Hibernate hands
 * it the row's id and state, which is what binds a ciphertext to its place; a service never calls it.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SealingInterceptor implements Interceptor {

    private final Instance<Vault> vault;

    public SealingInterceptor(Instance<Vault> vault) {
        // Looked up when first needed: the interceptor is built with the persistence unit, before the beans it uses.
        this.vault = vault;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        return seal(entity, id, state, names);
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
                                Type[] types) {
        return seal(entity, id, current, names);
    }

    @Override
    public boolean onLoad(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        Optional<SealedFields> sealed = SealedFields.of(entity.getClass());
        if (sealed.isEmpty()) {
            return false;
        }
        for (SealedFields.SealedField field : sealed.get().fields()) {
            int i = SealedFields.index(field.property(), names);
            if (i >= 0 && state[i] instanceof Sealed value) {
                value.bind(sealed.get().place(field, id, state, names), vault.get());
            }
        }
        return false;
    }

    private boolean seal(Object entity, Object id, Object[] state, String[] names) {
        Optional<SealedFields> sealed = SealedFields.of(entity.getClass());
        if (sealed.isEmpty()) {
            return false;
        }
        for (SealedFields.SealedField field : sealed.get().fields()) {
            int i = SealedFields.index(field.property(), names);
            if (i >= 0 && state[i] instanceof Sealed value && value.isNew()) {
                value.seal(sealed.get().place(field, id, state, names), vault.get());
            }
        }
        // The state holds the same Sealed objects, now sealed: nothing in it was replaced.
        return false;
    }
}
