package org.lifeos.content.item;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Content items of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class ItemRepository implements PanacheRepositoryBase<ContentItem, UUID> {
}
