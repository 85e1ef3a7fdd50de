import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { dutyListQrUrl } from '../../../api/endpoints';
import { useI18n } from '../../../i18n/i18n';

// While the QR code is printed, the page shows nothing but the sheet for the board.
const PRINT_STYLE = `@media print {
  body.printing-qr * { visibility: hidden; }
  body.printing-qr .qr-sheet, body.printing-qr .qr-sheet * { visibility: visible; }
  body.printing-qr .qr-sheet { position: absolute; inset: 0; text-align: center; padding-top: 20mm; }
  body.printing-qr .qr-sheet img { width: 120mm; height: 120mm; }
}`;

/** The public page's QR code (no token needed) and 打印, for the village or community notice board. */
export function QrCard({ townshipId, townshipName, published }: { townshipId: string; townshipName: string; published: boolean }) {
  const i18n = useI18n();
  useEffect(() => {
    const done = () => document.body.classList.remove('printing-qr');
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);
  const print = () => {
    document.body.classList.add('printing-qr');
    window.print();
  };
  return (
    <Card
      title={i18n.t('dutyList.qr')}
      style={{ marginTop: 16 }}
      data-testid="duty-qr"
      extra={
        published && (
          <Button icon={<PrinterOutlined />} onClick={print} data-testid="qr-print">
            {i18n.t('dutyList.print')}
          </Button>
        )
      }
    >
      <style>{PRINT_STYLE}</style>
      {published ? (
        <div className="qr-sheet">
          <Typography.Title level={4}>
            {townshipName}
            {i18n.t('nav.myDutyList')}
          </Typography.Title>
          <img src={dutyListQrUrl(townshipId)} alt={i18n.t('dutyList.qr')} width={220} height={220} data-testid="qr-image" />
          <Typography.Paragraph type="secondary">{i18n.t('dutyList.qrHelp')}</Typography.Paragraph>
        </div>
      ) : (
        <Typography.Text type="secondary">{i18n.t('dutyList.qrNone')}</Typography.Text>
      )}
    </Card>
  );
}
