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
The plural resource name of one bridge.resources entry: `resource` when given, else derived from `kind`.
Fails rendering with the entry's position when the entry names neither, or lacks its api-version.
*/}}
{{- define "kube-event-bridge.resourceName" -}}
{{- $entry := .entry }}
{{- $where := printf "bridge.resources[%d]" .index }}
{{- if not (get $entry "api-version") }}
{{- fail (printf "%s: api-version is required, e.g. \"v1\" or \"apps/v1\"" $where) }}
{{- end }}
{{- if get $entry "resource" }}
{{- get $entry "resource" }}
{{- else if get $entry "kind" }}
{{- include "kube-event-bridge.pluralOfKind" (get $entry "kind") }}
{{- else }}
{{- fail (printf "%s (%s): give either resource (e.g. pods) or kind (e.g. Pod)" $where (get $entry "api-version")) }}
{{- end }}
{{- end }}

{{/*
The Spring Boot configuration mounted at /config/application.yaml.
*/}}
{{- define "kube-event-bridge.applicationConfig" -}}
{{- $chartManaged := dict
      "bridge" .Values.bridge
      "spring" (dict "kafka" (dict "bootstrap-servers" .Values.kafka.bootstrapServers)) }}
{{- mustMergeOverwrite (deepCopy .Values.extraConfig) $chartManaged | toYaml }}
{{- end }}
