package org.lifeos.content.calendar;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Calendar entries of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class CalendarRepository implements PanacheRepositoryBase<CalendarEntry, UUID> {
}
