package org.lifeos.planning.habit;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Habits of the current circle (row-level security hides every other circle's). */
@ApplicationScoped
public class HabitRepository implements PanacheRepositoryBase<Habit, UUID> {
}
