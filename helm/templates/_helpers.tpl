{{/*
Chart name, overridable with nameOverride.
*/}}
{{- define "kube-event-bridge.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name, used for every object the chart creates. Truncated to 63 characters because some
Kubernetes name fields are limited to that (DNS label).
*/}}
{{- define "kube-event-bridge.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Name of the cluster-scoped RBAC objects: qualified by namespace, so releases of the same name in different
namespaces do not collide.
*/}}
{{- define "kube-event-bridge.clusterRoleName" -}}
{{- printf "%s-%s" .Release.Namespace (include "kube-event-bridge.fullname" .) }}
{{- end }}

{{- define "kube-event-bridge.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "kube-event-bridge.labels" -}}
helm.sh/chart: {{ include "kube-event-bridge.chart" . }}
{{ include "kube-event-bridge.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "kube-event-bridge.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kube-event-bridge.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "kube-event-bridge.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "kube-event-bridge.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The API group of an api-version: "" for the core group ("v1"), the part before the slash otherwise.
*/}}
{{- define "kube-event-bridge.apiGroup" -}}
{{- if contains "/" . }}
{{- splitList "/" . | first }}
{{- end }}
{{- end }}

{{/*
The plural resource name Kubernetes derives from a kind: lower-case, then "y" -> "ies" after a consonant;
"s", "x", "z", "ch", "sh" -> "+es"; otherwise "+s". Irregular plurals must be configured as `resource`.
*/}}
{{- define "kube-event-bridge.pluralOfKind" -}}
{{- $kind := lower . }}
{{- if regexMatch "[^aeiou]y$" $kind }}
{{- printf "%sies" (trimSuffix "y" $kind) }}
{{- else if regexMatch "(s|x|z|ch|sh)$" $kind }}
{{- printf "%ses" $kind }}
{{- else }}
{{- printf "%ss" $kind }}
{{- end }}
{{- end }}

{{/*
The plural resource name of one bridge.resources entry: `resource` when given, else derived from `kind`; "*" for a
group entry (api-version "example.com/*"), which watches every resource of its group as CRDs come and go.
Fails rendering with the entry's position when the entry names neither, or lacks its api-version.
*/}}
{{- define "kube-event-bridge.resourceName" -}}
{{- $entry := .entry }}
{{- $where := printf "bridge.resources[%d]" .index }}
{{- if not (get $entry "api-version") }}
{{- fail (printf "%s: api-version is required, e.g. \"v1\" or \"apps/v1\"" $where) }}
{{- end }}
{{- if hasSuffix "/*" (get $entry "api-version") }}
{{- "*" }}
{{- else if get $entry "resource" }}
{{- get $entry "resource" }}
{{- else if get $entry "kind" }}
{{- include "kube-event-bridge.pluralOfKind" (get $entry "kind") }}
{{- else }}
{{- fail (printf "%s (%s): give either resource (e.g. pods) or kind (e.g. Pod)" $where (get $entry "api-version")) }}
{{- end }}
{{- end }}

{{/*
The read grants of bridge.resources as a dict: "cluster" -> {"group/resource": [group, resource]} for entries
without namespaces, and "namespaces" -> {namespace -> {"group/resource": [group, resource]}} for the others.
Keys collapse duplicates; sorting them gives a stable order. Returned as YAML, to be read with fromYaml.
*/}}
{{- define "kube-event-bridge.grants" -}}
{{- $cluster := dict }}
{{- $namespaces := dict }}
{{- range $index, $entry := .Values.bridge.resources }}
{{- $group := include "kube-event-bridge.apiGroup" (get $entry "api-version") }}
{{- $resource := include "kube-event-bridge.resourceName" (dict "entry" $entry "index" $index) }}
{{- $key := printf "%s/%s" $group $resource }}
{{- if get $entry "namespaces" }}
{{- range $namespace := get $entry "namespaces" }}
{{- $grants := get $namespaces $namespace | default dict }}
{{- $_ := set $grants $key (list $group $resource) }}
{{- $_ := set $namespaces $namespace $grants }}
{{- end }}
{{- else }}
{{- $_ := set $cluster $key (list $group $resource) }}
{{- end }}
{{- end }}
{{- dict "cluster" $cluster "namespaces" $namespaces | toYaml }}
{{- end }}

{{/*
Whether the bridge may watch CustomResourceDefinitions: asked for (rbac.watchCustomResourceDefinitions), and of use
(some entry is a group entry, which then learns of CRDs coming and going from the watch instead of polling discovery).
*/}}
{{- define "kube-event-bridge.watchCrds" -}}
{{- if .Values.rbac.watchCustomResourceDefinitions }}
{{- range .Values.bridge.resources }}
{{- if hasSuffix "/*" (get . "api-version" | default "") }}true{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Whether the query API checks callers with TokenReview and SubjectAccessReview (bridge.query.auth: kubernetes).
*/}}
{{- define "kube-event-bridge.queryAuth" -}}
{{- if eq (dig "query" "auth" "" .Values.bridge | toString) "kubernetes" }}true{{- end }}
{{- end }}

{{/*
Read-only rules, one per (apiGroup, resource), from a dict built by kube-event-bridge.grants.
*/}}
{{- define "kube-event-bridge.readRules" -}}
{{- range $key := keys . | sortAlpha }}
{{- $grant := get $ $key }}
- apiGroups: [{{ index $grant 0 | quote }}]
  resources: [{{ index $grant 1 | quote }}]
  verbs: ["get", "list", "watch"]
{{- end }}
{{- end }}

{{/*
The Spring Boot configuration mounted at /config/application.yaml.
*/}}
{{- define "kube-event-bridge.applicationConfig" -}}
{{- $bridge := deepCopy .Values.bridge }}
{{- if eq (include "kube-event-bridge.hashKeyNeeded" .) "true" }}
{{- if not .Values.secretHashKey.existingSecret }}
{{- fail "bridge.payload.secret-values is hash: set secretHashKey.existingSecret to the Secret holding the HMAC key" }}
{{- end }}
{{- $payload := get $bridge "payload" | default dict }}
{{- $_ := set $payload "secret-hash-key-file" (printf "%s/%s" (include "kube-event-bridge.hashKeyDir" .) .Values.secretHashKey.key) }}
{{- $_ := set $bridge "payload" $payload }}
{{- end }}
{{- $kafka := dict "bootstrap-servers" .Values.kafka.bootstrapServers }}
{{- /* Left to extraConfig unless the chart manages TLS or SASL itself. */}}
{{- if or .Values.kafka.tls.enabled .Values.kafka.sasl.enabled }}
{{- $_ := set $kafka "security" (dict "protocol" (include "kube-event-bridge.kafkaProtocol" .)) }}
{{- end }}
{{- if .Values.kafka.tls.enabled }}
{{- if .Values.kafka.tls.caSecret }}
{{- $_ := set $kafka "ssl" (dict "trust-store-type" "PEM" "trust-store-location" (printf "file:%s/%s" (include "kube-event-bridge.kafkaCaDir" .) .Values.kafka.tls.caKey)) }}
{{- end }}
{{- end }}
{{- if .Values.kafka.sasl.enabled }}
{{- if not .Values.kafka.sasl.existingSecret }}
{{- fail "kafka.sasl.enabled: set kafka.sasl.existingSecret to the Secret holding the SASL username and password" }}
{{- end }}
{{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq .Values.kafka.sasl.mechanism "PLAIN") }}
{{- /* Spring resolves the placeholders from the container's environment: the password never enters the ConfigMap. */}}
{{- $jaas := printf "%s required username=\"${KAFKA_SASL_USERNAME}\" password=\"${KAFKA_SASL_PASSWORD}\";" $module }}
{{- $_ := set $kafka "properties" (dict "sasl.mechanism" .Values.kafka.sasl.mechanism "sasl.jaas.config" $jaas) }}
{{- end }}
{{- $election := get $bridge "leader-election" | default dict }}
{{- $_ := set $election "enabled" .Values.leaderElection.enabled }}
{{- $_ := set $bridge "leader-election" $election }}
{{- $management := dict "server" (dict "port" .Values.service.managementPort) }}
{{- $chartManaged := dict "bridge" $bridge "spring" (dict "kafka" $kafka) "management" $management }}
{{- mustMergeOverwrite (deepCopy .Values.extraConfig) $chartManaged | toYaml }}
{{- end }}

{{- define "kube-event-bridge.kafkaProtocol" -}}
{{- if and .Values.kafka.tls.enabled .Values.kafka.sasl.enabled }}SASL_SSL
{{- else if .Values.kafka.tls.enabled }}SSL
{{- else }}SASL_PLAINTEXT
{{- end }}
{{- end }}

{{- define "kube-event-bridge.kafkaCaDir" -}}/etc/kube-event-bridge/kafka-ca{{- end }}

{{- define "kube-event-bridge.hashKeyNeeded" -}}
{{- eq (dig "payload" "secret-values" "redact" .Values.bridge | toString) "hash" }}
{{- end }}

{{- define "kube-event-bridge.hashKeyDir" -}}/etc/kube-event-bridge/hash-key{{- end }}

{{/*
The election's Lease name, as the service derives it: bridge.leader-election.lease-name, else
kube-event-bridge-{cluster-name}.
*/}}
{{- define "kube-event-bridge.leaseName" -}}
{{- $election := get .Values.bridge "leader-election" | default dict }}
{{- get $election "lease-name" | default (printf "kube-event-bridge-%s" (get .Values.bridge "cluster-name" | default "default")) }}
{{- end }}
