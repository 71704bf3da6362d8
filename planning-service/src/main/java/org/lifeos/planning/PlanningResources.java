package org.lifeos.planning;

/**
 * What planning-service's {@code @Access} checks name: the circle policy's resources (seed rows in
 * identity's {@code circle_policies}) and the OAuth scopes a token needs. One list, so a typo is a
 * compile error rather than a resource no policy grants.
 */
public final class PlanningResources {

    public static final String READ = "planning:read";
    public static final String WRITE = "planning:write";

    public static final String ACTIVITIES = "activities";
    public static final String CAPSULES = "capsules";
    public static final String DAILY_METRICS = "daily_metrics";
    public static final String DAILY_PLANS = "daily_plans";
    public static final String DOMAINS = "domains";
    public static final String GOALS = "goals";
    public static final String HABITS = "habits";
    public static final String KANBAN_BOARDS = "kanban_boards";
    public static final String KPIS = "kpis";
    public static final String LIFELOGS = "lifelogs";
    public static final String NOTES = "notes";
    public static final String ROADMAPS = "roadmaps";
    public static final String SEARCH = "search";
    public static final String SKILLS = "skills";
    public static final String SPRINTS = "sprints";
    public static final String TASKS = "tasks";
    public static final String TIME_BLOCKS = "time_blocks";

    private PlanningResources() {
    }
}
