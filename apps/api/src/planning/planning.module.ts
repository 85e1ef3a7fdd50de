import { Module } from '@nestjs/common';
import { IdentityModule } from '@fangquan/identity';
import { ForecastController } from './forecast.controller';
import { PlansController } from './plans.controller';
import { PlanningService } from './planning.service';
import { SheetNamesService } from './sheet-names.service';

/** HTTP: the batch planner (成熟一批、赋予一批) and the gap forecast. Queries come from the global ReadModelsModule. */
@Module({
  imports: [IdentityModule],
  controllers: [PlansController, ForecastController],
  providers: [PlanningService, SheetNamesService],
})
export class PlanningModule {}
