package io.kubeeventbridge;

import io.kubeeventbridge.support.SharedKafkaBroker;

@SharedKafkaBroker
class EmbeddedKafkaPublishingIT extends PublishingContract {}
