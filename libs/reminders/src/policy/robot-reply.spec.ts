import { classifyRobotReply } from './robot-reply';

describe('robot replies', () => {
  it('takes errcode 0 as delivered, from either robot', () => {
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ outcome: 'accepted' });
    expect(classifyRobotReply('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ outcome: 'accepted' });
  });

  it('takes an HTTP 200 with another errcode as a failure, its code in the reason', () => {
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":130101,"errmsg":"send too fast, exceed 20 times per minute"}')).toEqual({
      outcome: 'rate-limited',
      errcode: 130101,
      reason: 'DingTalk robot refused: errcode 130101 (send too fast, exceed 20 times per minute)',
    });
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":410100,"errmsg":"发送速度太快而限流"}')).toMatchObject({
      outcome: 'rate-limited',
    });
    expect(classifyRobotReply('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toEqual({
      outcome: 'rate-limited',
      errcode: 45009,
      reason: 'WeCom robot refused: errcode 45009 (api freq out of limit)',
    });
  });

  it('retries a bad signature, a busy server and unknown codes; fails at once what needs an administrator', () => {
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({
      outcome: 'retry',
      errcode: 310000,
      reason: 'DingTalk robot refused: errcode 310000 (sign not match)',
    });
    expect(classifyRobotReply('wecom', 200, '{"errcode":-1,"errmsg":"system busy"}')).toMatchObject({ outcome: 'retry', errcode: -1 });
    expect(classifyRobotReply('wecom', 200, '{"errcode":12345}')).toEqual({
      outcome: 'retry',
      errcode: 12345,
      reason: 'WeCom robot refused: errcode 12345',
    });
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":300001,"errmsg":"token is not exist"}')).toMatchObject({ outcome: 'permanent' });
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":400102,"errmsg":"robot stopped"}')).toMatchObject({ outcome: 'permanent' });
    expect(classifyRobotReply('wecom', 200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toMatchObject({ outcome: 'permanent' });
    // The codes are each robot's own: WeCom's rate limit means nothing to DingTalk.
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":45009}')).toMatchObject({ outcome: 'retry' });
  });

  it('retries HTTP errors and answers that are not the robot’s JSON', () => {
    expect(classifyRobotReply('dingtalk', 502, 'Bad Gateway')).toEqual({
      outcome: 'retry',
      reason: 'DingTalk robot answered HTTP 502: Bad Gateway',
    });
    expect(classifyRobotReply('wecom', 404, '')).toEqual({ outcome: 'retry', reason: 'WeCom robot answered HTTP 404' });
    expect(classifyRobotReply('wecom', 200, '<html>portal</html>')).toEqual({
      outcome: 'retry',
      reason: 'WeCom robot answered HTTP 200 without an errcode: <html>portal</html>',
    });
    expect(classifyRobotReply('dingtalk', 200, '{"errcode":"0"}')).toMatchObject({ outcome: 'retry' });
  });
});
