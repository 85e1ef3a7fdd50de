import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Township } from '@fangquan/identity';
import { PowerQueries } from '@fangquan/read-models';
import type { SheetNames } from './planning-sheets';

/** The county's township and power names, for the workbooks people read. */
@Injectable()
export class SheetNamesService {
  constructor(
    private readonly powers: PowerQueries,
    @InjectRepository(Township) private readonly townships: Repository<Township>,
  ) {}

  async of(countyId: string): Promise<SheetNames> {
    const [powers, townships] = await Promise.all([this.powers.list(countyId), this.townships.find({ where: { countyId } })]);
    const powerNames = new Map(powers.map((power) => [power.code, power.name]));
    const townshipNames = new Map(townships.map((township) => [township.id, township.name]));
    return { township: (id) => townshipNames.get(id) ?? id, power: (code) => powerNames.get(code) ?? '' };
  }
}
