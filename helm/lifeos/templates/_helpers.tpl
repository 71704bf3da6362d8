{{/*
Object names are fixed (gateway, identity-service, ...), not prefixed with the release: LifeOS runs
once per namespace, and the same names as k8s/ keep the two deployments interchangeable.
*/}}

{{- define "lifeos.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: lifeos
{{- end }}

{{- define "lifeos.chartLabels" -}}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{- define "lifeos.component" -}}
{{- if .svc.database }}service{{ else }}gateway{{ end }}
{{- end }}

{{- define "lifeos.image" -}}
{{- $own := .svc.image | default dict }}
{{- $repository := $own.repository | default (printf "%s/%s" .root.Values.image.registry .name) }}
{{- $tag := $own.tag | default .root.Values.image.tag | default .root.Chart.AppVersion }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}

{{- define "lifeos.jdbcUrl" -}}
{{- if .root.Values.postgres.enabled -}}
jdbc:postgresql://{{ .root.Values.postgres.clusterName }}-rw:5432/{{ .db }}
{{- else -}}
jdbc:postgresql://{{ required "postgres.external.host is required when postgres.enabled is false" .root.Values.postgres.external.host }}:{{ .root.Values.postgres.external.port }}/{{ .db }}
{{- end }}
{{- end }}

{{- define "lifeos.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{ .Values.kafka.clusterName }}-kafka-bootstrap:9092
{{- else -}}
{{ required "kafka.external.bootstrapServers is required when kafka.enabled is false" .Values.kafka.external.bootstrapServers }}
{{- end }}
{{- end }}

{{- define "lifeos.keycloakUrl" -}}
{{- if .Values.keycloak.enabled -}}
http://{{ .Values.keycloak.name }}-service:8080
{{- else -}}
{{ required "keycloak.external.url is required when keycloak.enabled is false" .Values.keycloak.external.url }}
{{- end }}
{{- end }}

{{- /* The API's public base URL for links: forwarding.publicUrl, else the ingress's host. */ -}}
{{- define "lifeos.publicUrl" -}}
{{- if .Values.forwarding.publicUrl -}}
{{ .Values.forwarding.publicUrl }}
{{- else if .Values.ingress.enabled -}}
https://{{ .Values.ingress.gateway.host }}
{{- end }}
{{- end }}

{{- define "lifeos.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "lifeos.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop:
    - ALL
{{- end }}

{{- define "lifeos.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{- define "lifeos.clientSecretEnv" -}}
{{- printf "LIFEOS_%s_CLIENT_SECRET" (.name | upper | replace "-" "_") }}
{{- end }}
