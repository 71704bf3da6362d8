package org.lifeos.content.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifeos.content.conversation.ConversationDtos.ConversationForm;
import org.lifeos.content.conversation.ConversationDtos.MessageForm;
import org.lifeos.platform.api.ETags;
import org.lifeos.platform.api.Keyset;
import org.lifeos.platform.error.ProblemException;
import org.lifeos.platform.error.ProblemType;
import org.lifeos.platform.ids.Ids;
import org.lifeos.platform.tenancy.ReadOnly;
import org.lifeos.platform.tenancy.TenantContext;

/** The caller's conversations and their branching messages; the assistant behind {@link Assistant}, off by default. */
@ApplicationScoped
public class ConversationService {

    public static final String ASSISTANT_SETTING = "lifeos.content.assistant.enabled";

    private final EntityManager em;
    private final TenantContext context;
    private final Assistant assistant;
    private final boolean assistantEnabled;

    public ConversationService(EntityManager em, TenantContext context, Assistant assistant,
                               @ConfigProperty(name = ASSISTANT_SETTING, defaultValue = "false") boolean assistantEnabled) {
        this.em = em;
        this.context = context;
        this.assistant = assistant;
        this.assistantEnabled = assistantEnabled;
    }

    @Transactional
    public Conversation create(ConversationForm form) {
        Conversation c = new Conversation();
        c.id = Ids.next();
        c.tenantId = context.circleId();
        c.createdBy = context.userId();
        c.createdAt = Instant.now();
        c.startedAt = c.createdAt;
        apply(c, form);
        em.persist(c);
        em.flush();
        return c;
    }

    @Transactional
    @ReadOnly
    public Conversation get(UUID id) {
        return Optional.ofNullable(em.find(Conversation.class, id))
                .orElseThrow(() -> ProblemException.notFound("conversation " + id));
    }

    @Transactional
    public Conversation update(UUID id, String ifMatch, UnaryOperator<ConversationForm> patch) {
        Conversation c = ETags.matching(get(id), ifMatch, x -> x.version);
        apply(c, patch.apply(ConversationForm.of(c)));
        em.flush();
        return c;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        em.remove(ETags.matching(get(id), ifMatch, x -> x.version));
    }

    /** Newest first; archived ones only when asked. */
    @Transactional
    @ReadOnly
    public List<Conversation> list(boolean archived, Keyset keyset) {
        StringBuilder query = new StringBuilder("from Conversation where archivedAt is ")
                .append(archived ? "not null" : "null");
        if (keyset.after()) {
            query.append(" and (startedAt < :at or (startedAt = :at and id < :id))");
        }
        var q = em.createQuery(query.append(" order by startedAt desc, id desc").toString(), Conversation.class);
        if (keyset.after()) {
            q.setParameter("at", keyset.instant(0)).setParameter("id", keyset.uuid(1));
        }
        return q.setMaxResults(keyset.fetch()).getResultList();
    }

    @Transactional
    public Message add(UUID conversationId, MessageForm form) {
        Conversation c = get(conversationId);
        if (form.parentId != null) {
            Message parent = em.find(Message.class, form.parentId);
            if (parent == null || !parent.conversationId.equals(c.id)) {
                throw ProblemException.badField("parentId", "no such message in this conversation");
            }
        }
        return store(c, form.parentId, form.role, form.content, form.model, form.tokenCount, form.durationMs,
                form.metadata);
    }

    @Transactional
    public Message message(UUID conversationId, UUID messageId) {
        get(conversationId);
        Message m = em.find(Message.class, messageId);
        if (m == null || !m.conversationId.equals(conversationId)) {
            throw ProblemException.notFound("message " + messageId);
        }
        return m;
    }

    /**
     * The conversation's messages oldest first; with {@code leaf}, only the branch ending there (root
     * first, following parents).
     */
    @Transactional
    public List<Message> messages(UUID conversationId, Optional<UUID> leaf, Keyset keyset) {
        get(conversationId);
        if (leaf.isPresent()) {
            Map<UUID, Message> all = new HashMap<>();
            em.createQuery("from Message where conversationId = ?1", Message.class).setParameter(1, conversationId)
                    .getResultList().forEach(m -> all.put(m.id, m));
            Message at = all.get(leaf.get());
            if (at == null) {
                throw ProblemException.badField("leaf", "no such message in this conversation");
            }
            List<Message> branch = new ArrayList<>();
            for (; at != null; at = at.parentId == null ? null : all.get(at.parentId)) {
                branch.add(at);
            }
            Collections.reverse(branch);
            return branch;
        }
        UUID after = keyset.uuidOr(0, new UUID(0, 0));
        return em.createQuery("from Message where conversationId = ?1 and id > ?2 order by id", Message.class)
                .setParameter(1, conversationId).setParameter(2, after).setMaxResults(keyset.fetch()).getResultList();
    }

    /**
     * The assistant's reply after {@code parentId}, stored as an assistant message. Off unless
     * {@value #ASSISTANT_SETTING} is true and an {@link Assistant} that answers is installed: 503 naming the setting.
     */
    @Transactional
    public Message ask(UUID conversationId, UUID parentId) {
        List<Message> branch = messages(conversationId, Optional.of(parentId), Keyset.of(null, null, 1));
        if (!assistantEnabled) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "The assistant is off: " + ASSISTANT_SETTING
                    + " is false (the default); no model is called");
        }
        Assistant.Reply reply = assistant.reply(branch).orElseThrow(() -> new ProblemException(ProblemType.UNAVAILABLE,
                "No assistant is installed although " + ASSISTANT_SETTING + " is true; no model is called"));
        return store(get(conversationId), parentId, Role.ASSISTANT, reply.content(), reply.model(), reply.tokenCount(),
                reply.durationMs(), Map.of());
    }

    private Message store(Conversation c, UUID parentId, Role role, String content, String model, Integer tokens,
                          Integer durationMs, Map<String, Object> metadata) {
        Message m = new Message();
        m.id = Ids.next();
        m.tenantId = c.tenantId;
        m.createdBy = context.userId();
        m.conversationId = c.id;
        m.parentId = parentId;
        m.role = role;
        m.content = content;
        m.model = model;
        m.tokenCount = tokens;
        m.durationMs = durationMs;
        m.metadata = metadata == null ? Map.of() : metadata;
        m.createdAt = Instant.now();
        em.persist(m);
        c.updatedAt = m.createdAt;
        em.flush();
        return m;
    }

    private void apply(Conversation c, ConversationForm form) {
        c.title = form.title == null || form.title.isBlank() ? null : form.title.strip();
        c.model = form.model;
        c.voice = form.voice;
        if (form.archived != (c.archivedAt != null)) {
            c.archivedAt = form.archived ? Instant.now() : null;
        }
        c.updatedAt = Instant.now();
    }
}
