package kr.fm.arrears.escalation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kr.fm.arrears.escalation.EscalationProperties;
import kr.fm.arrears.escalation.Decision;
import kr.fm.arrears.escalation.Decisions;
import kr.fm.arrears.escalation.LeaseRef;
import kr.fm.arrears.escalation.PaymentPlans;
import kr.fm.arrears.scheduling.ScheduledJob;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.item.ItemProcessor;
import org.springframework.batch.item.function.FunctionItemProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The daily escalation run: the payment plans' check, then one chunk-oriented step over the leases, a page per chunk. Reader: lease
 * ids by keyset; processor: {@link Decisions} (the ledger of the whole page in three queries, then the
 * pure rules); writer: {@link ApplySteps}. Job parameters: run (the escalation_run id), businessDate,
 * dryRun.
 */
@Configuration(proxyBeanMethods = false)
class EscalationJobConfiguration {

    static final String JOB = "escalation";

    @Bean
    Job escalationJob(JobRepository repository, Step checkPlans, Step escalateLeases, JdbcClient jdbc, Clock clock) {
        return new JobBuilder(JOB, repository).listener(new RunListener(jdbc, clock)).start(checkPlans).next(escalateLeases).build();
    }

    /**
     * First the payment plans of the business date ({@link PaymentPlans#check}), one transaction: a plan broken
     * today lets the ladder step below take the stage due, a plan kept lets it resolve the case. A dry run
     * changes nothing, so it skips them; a restart of a run whose plan step completed does not repeat it
     * (and the plans' rows would make it a no-op anyway).
     */
    @Bean
    Step checkPlans(JobRepository repository, PlatformTransactionManager tx, PaymentPlans plans) {
        return new StepBuilder("checkPlans", repository)
                .tasklet((contribution, context) -> {
                    Object date = context.getStepContext().getJobParameters().get("businessDate");
                    if (!Boolean.TRUE.equals(context.getStepContext().getJobParameters().get("dryRun"))) {
                        plans.check((LocalDate) date);
                    }
                    return org.springframework.batch.repeat.RepeatStatus.FINISHED;
                }, tx)
                .build();
    }

    @Bean
    Step escalateLeases(JobRepository repository, PlatformTransactionManager tx, LeasePageReader leasePageReader,
            ItemProcessor<List<LeaseRef>, List<Decision>> decideSteps, ApplySteps applySteps) {
        return new StepBuilder("escalateLeases", repository)
                .<List<LeaseRef>, List<Decision>>chunk(1, tx)
                .reader(leasePageReader)
                .processor(decideSteps)
                .writer(applySteps)
                .build();
    }

    @Bean
    @StepScope
    LeasePageReader leasePageReader(Decisions decisions, EscalationProperties properties) {
        return new LeasePageReader(decisions, properties.pageSize());
    }

    @Bean
    @StepScope
    FunctionItemProcessor<List<LeaseRef>, List<Decision>> decideSteps(Decisions decisions,
            @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
            // false decides every lease in full, as the preview does: the benchmark compares both
            EscalationProperties properties) {
        return new FunctionItemProcessor<>(page -> properties.prefilter() ? decisions.decideForRun(page, businessDate)
                : decisions.decide(page, businessDate));
    }

    @Bean
    @StepScope
    ApplySteps applySteps(JdbcClient jdbc, ApplicationEventPublisher events,
            @Value("#{jobParameters['run']}") Long run, @Value("#{jobParameters['businessDate']}") LocalDate businessDate,
            @Value("#{jobParameters['dryRun']}") Boolean dryRun, ObjectProvider<RunHooks> hooks) {
        return new ApplySteps(jdbc, events, run, businessDate, dryRun, hooks.getIfAvailable(() -> RunHooks.NONE));
    }

    /** Every morning (09:00 Seoul unless {@code arrears.escalation.cron} says otherwise). */
    @Bean
    ScheduledJob escalationSchedule(EscalationProperties properties) {
        return new ScheduledJob("escalation", EscalationQuartzJob.class, properties.cron(), "daily escalation run for today's business date");
    }
}
