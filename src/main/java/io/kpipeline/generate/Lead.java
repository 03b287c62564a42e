package io.kpipeline.generate;

import io.kpipeline.generate.AccountPool.Account;
import io.kpipeline.generate.Catalog.Campaign;
import io.kpipeline.generate.Catalog.Channel;
import io.kpipeline.generate.Catalog.Rep;
import java.time.LocalDateTime;

/** A lead as the generators of its funnel, activities and emails see it. */
record Lead(String id, Account account, Channel channel, Campaign campaign, Rep owner, LocalDateTime createdAt) {
}
