-- One business day (:day) of web traffic: the visits whose last action lies in [:day_start, :day_end), the
-- day's bounds in UTC, per channel and landing page. The metrics are Matomo's own
-- (core/DataAccess/LogAggregator.php): visits, distinct visitors, visits with at most one action as bounces,
-- the visit's total time; page views and downloads are the visit's actions of type 1 and 3 (log_action).
SELECT :day AS date,
       x.channel_code,
       x.landing_page,
       COUNT(*) AS sessions,
       COUNT(DISTINCT x.idvisitor) AS users,
       SUM(x.pageviews) AS pageviews,
       SUM(CASE WHEN x.visit_total_actions <= 1 THEN 1 ELSE 0 END) AS bounced_sessions,
       SUM(x.visit_total_time) AS total_session_seconds,
       SUM(x.downloads) AS downloads,
       SUM(x.contact_requests) AS contact_requests
FROM (
    SELECT v.idvisit,
           v.idvisitor,
           v.visit_total_actions,
           v.visit_total_time,
           -- referer_type (core/Common.php): 1 direct, 2 search engine, 3 website, 6 campaign, 7 social network.
           -- referer_name of a campaign is its name in lower case; campaign_medium is utm_medium (plugin
           -- MarketingCampaignsReporting). CHECK against your campaigns' media.
           CASE
               WHEN v.referer_type = 1 THEN 'DIRECT'
               WHEN v.referer_type = 2 THEN 'ORGANIC_SEARCH'
               WHEN v.referer_type = 3 THEN 'REFERRAL'
               WHEN v.referer_type = 6 AND LOWER(v.campaign_medium) IN ('cpc', 'ppc', 'paid', 'paidsearch') THEN 'PAID_SEARCH'
               WHEN v.referer_type = 6 AND LOWER(v.campaign_medium) IN ('email', 'e-mail') THEN 'EMAIL'
               WHEN v.referer_type = 6 AND LOWER(v.campaign_medium) = 'newsletter' THEN 'NEWSLETTER'
               WHEN v.referer_type = 6 AND LOWER(v.campaign_medium) = 'social' THEN 'SOCIAL'
               WHEN v.referer_type = 6 THEN 'CAMPAIGN'
               WHEN v.referer_type = 7 AND LOWER(v.referer_name) = 'linkedin' THEN 'LINKEDIN'
               WHEN v.referer_type = 7 AND LOWER(v.referer_name) = 'xing' THEN 'XING'
               WHEN v.referer_type = 7 THEN 'SOCIAL'
               ELSE 'UNKNOWN'
           END AS channel_code,
           -- the entry page's URL with its prefix (url_prefix 0 http://, 1 http://www., 2 https://, 3 https://www.),
           -- without query string and fragment; a visit without a page view (only events) lands on the site's URL
           LEFT(COALESCE(CONCAT(CASE e.url_prefix WHEN 0 THEN 'http://' WHEN 1 THEN 'http://www.'
                                                  WHEN 2 THEN 'https://' WHEN 3 THEN 'https://www.' ELSE '' END,
                                SUBSTRING_INDEX(SUBSTRING_INDEX(e.name, '#', 1), '?', 1)),
                         s.main_url), 512) AS landing_page,
           (SELECT COUNT(*) FROM matomo_log_link_visit_action a
              JOIN matomo_log_action t ON t.idaction = a.idaction_url AND t.type = 1
             WHERE a.idvisit = v.idvisit) AS pageviews,
           (SELECT COUNT(*) FROM matomo_log_link_visit_action a
              JOIN matomo_log_action t ON t.idaction = a.idaction_url AND t.type = 3
             WHERE a.idvisit = v.idvisit) AS downloads,
           (SELECT COUNT(*) FROM matomo_log_conversion c
             WHERE c.idvisit = v.idvisit AND c.idgoal IN (:contact_goals)) AS contact_requests
    FROM matomo_log_visit v
    JOIN matomo_site s ON s.idsite = v.idsite
    LEFT JOIN matomo_log_action e ON e.idaction = v.visit_entry_idaction_url
    WHERE v.idsite IN (:sites)
      AND v.visit_last_action_time >= :day_start
      AND v.visit_last_action_time < :day_end
) x
GROUP BY x.channel_code, x.landing_page
